/// <reference types="vite/client" />
import type { NetmendApi } from '../../shared/contract'

declare global {
  interface Window {
    /** Put there by the preload: the contract's named methods and nothing else. */
    netmend: NetmendApi
  }
}
