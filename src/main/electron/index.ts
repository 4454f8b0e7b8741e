import { join } from 'node:path'
import { app, BrowserWindow } from 'electron'

// The desktop window is built in its own issue; this shell opens it with secure defaults.
function createWindow(): void {
  const window = new BrowserWindow({
    width: 900,
    height: 700,
    minWidth: 420,
    minHeight: 480,
    title: 'NetMend',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    },
  })
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event) => event.preventDefault())
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void window.loadFile(join(__dirname, '../renderer/index.html'))
}

if (!app.requestSingleInstanceLock()) app.quit()
else {
  void app.whenReady().then(createWindow)
  app.on('window-all-closed', () => app.quit())
}
