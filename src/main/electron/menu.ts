import type { MenuItemConstructorOptions } from 'electron'
import { MENU_TEXTS } from '../../shared/ui-texts'

const EDIT: MenuItemConstructorOptions = {
  label: MENU_TEXTS.edit,
  submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
}

const DEVELOP: MenuItemConstructorOptions = {
  label: MENU_TEXTS.develop,
  submenu: [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }],
}

function macAppMenu(productName: string): MenuItemConstructorOptions {
  return {
    label: productName,
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
}

const MAC_WINDOW: MenuItemConstructorOptions = {
  label: MENU_TEXTS.window,
  role: 'window',
  submenu: [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }],
}

/**
 * The application menu, or null for none. macOS gets its app, Edit (copy and paste in the address field
 * go through it there) and Window menus; Windows and Linux need no menu bar. Packaged builds never offer
 * Reload or DevTools: a reload during "Keep these settings?" would lose the Keep button while the
 * automatic undo still runs.
 */
export function applicationMenu(platform: NodeJS.Platform, packaged: boolean, productName: string): MenuItemConstructorOptions[] | null {
  const develop = packaged ? [] : [DEVELOP]
  if (platform === 'darwin') return [macAppMenu(productName), EDIT, MAC_WINDOW, ...develop]
  return packaged ? null : [EDIT, ...develop]
}
