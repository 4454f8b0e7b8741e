/** The router a default route goes through, as each OS's route reader finds it. */
export interface DefaultGateway {
  address: string
  family: 'IPv4' | 'IPv6'
  interface: string
  /**
   * Only on a link-local IPv6 gateway (the usual IPv6 router): its scope as sockets and ping take it after `%`,
   * the interface name on Linux and macOS, the interface index on Windows. Probes without it go nowhere.
   */
  zone?: string
}
