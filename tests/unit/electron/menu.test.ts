import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { applicationMenu } from '../../../src/main/electron/menu'

const DEVELOPER_ROLES = ['reload', 'forceReload', 'toggleDevTools']

function roles(template: MenuItemConstructorOptions[] | null): string[] {
  const all: string[] = []
  const visit = (items: MenuItemConstructorOptions[]): void =>
    items.forEach((item) => {
      if (item.role) all.push(item.role)
      if (Array.isArray(item.submenu)) visit(item.submenu)
    })
  visit(template ?? [])
  return all
}

describe('the application menu', () => {
  it('on macOS has the app, Edit and Window menus, so copy and paste work in the address field', () => {
    const menu = applicationMenu('darwin', true, 'NetMend')!
    expect(menu.map((item) => item.label)).toEqual(['NetMend', 'Edit', 'Window'])
    expect(roles(menu)).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'selectAll', 'minimize', 'front']))
  })

  it.each(['darwin', 'win32', 'linux'] as const)('packaged on %s: no Reload and no DevTools anywhere', (platform) => {
    expect(roles(applicationMenu(platform, true, 'NetMend')).filter((role) => DEVELOPER_ROLES.includes(role))).toEqual([])
  })

  it('packaged on Windows and Linux: no menu bar at all', () => {
    expect(applicationMenu('win32', true, 'NetMend')).toBeNull()
    expect(applicationMenu('linux', true, 'NetMend')).toBeNull()
  })

  it.each(['darwin', 'win32', 'linux'] as const)('while developing on %s: Reload and DevTools are there', (platform) => {
    expect(roles(applicationMenu(platform, false, 'NetMend'))).toEqual(expect.arrayContaining(DEVELOPER_ROLES))
  })
})
