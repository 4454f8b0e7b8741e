// Who the app is to the operating systems: the installers (electron-builder.config.ts) and the running app
// (Windows' AppUserModelID, which notifications are shown under) must say the same.
export const APP_ID = 'org.netmend.desktop'
export const PRODUCT_NAME = 'NetMend'
