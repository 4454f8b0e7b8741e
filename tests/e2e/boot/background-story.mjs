// Plays closing and reopening the window of the booted main process, with and without a watch going on,
// the way the OS and the person would: the window's close and closed events, the app's
// window-all-closed, a click on the tray menu or on a notification. Returns what the app did at each step.
import { app } from 'electron'

const boot = globalThis.netmendBoot
const turn = () => new Promise((resolve) => setImmediate(resolve))
const settle = async () => {
  for (let i = 0; i < 20; i++) await turn()
}

/** Main windows have the preload; help windows have none. */
const mainWindows = () => boot.windows.filter((window) => window.options.webPreferences?.preload)
const quits = () => boot.calls.filter((call) => call.api === 'app.quit').length
const snapshot = () => ({
  windows: mainWindows().length,
  quits: quits(),
  trays: boot.trays.map((tray) => ({ image: tray.image, toolTip: tray.toolTip ?? null, items: tray.menu?.template.map((item) => item.label) ?? [], destroyed: tray.destroyed })),
  notifications: boot.notifications.map((notification) => ({ body: notification.options.body, opensWindowOnClick: notification.listenerCount('click') > 0 })),
})

async function closeTheWindow() {
  const window = mainWindows().at(-1)
  window.emit('close', { preventDefault: () => undefined })
  window.emit('closed')
  app.emit('window-all-closed')
  await settle()
}

const clickTrayItem = async (label) => {
  boot.trays.at(-1).menu.template.find((item) => item.label === label).click()
  await settle()
}

/** `invoke(channel, input)`: a message from our own page. */
export async function playBackground(invoke) {
  const steps = {}
  await closeTheWindow()
  steps.closedWithNothingWatched = snapshot()
  // The dock icon (macOS) or starting NetMend again opens the window.
  app.emit('activate')
  await settle()
  steps.watchStarted = await invoke('netmend:watchSite', { target: 'shop.example' })
  await closeTheWindow()
  steps.closedWhileWatching = snapshot()
  if (boot.trays.length > 0) {
    await clickTrayItem('Show NetMend')
    steps.shownFromTray = snapshot()
    await closeTheWindow()
    steps.closedAgain = snapshot()
  }
  boot.notifications[0]?.emit('click')
  await settle()
  steps.notificationClicked = snapshot()
  if (boot.trays.length > 0) {
    await closeTheWindow()
    await clickTrayItem('Stop watching')
    steps.stoppedFromTray = { ...snapshot(), watch: await invoke('netmend:watchStatus', null) }
  }
  return steps
}
