import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createNetmendApi } from './api'

// Never expose ipcRenderer itself: the page gets the contract's methods and nothing more.
contextBridge.exposeInMainWorld(
  'netmend',
  createNetmendApi(
    (channel, input) => ipcRenderer.invoke(channel, input),
    (channel, listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
      ipcRenderer.on(channel, forward)
      return () => ipcRenderer.removeListener(channel, forward)
    },
  ),
)
