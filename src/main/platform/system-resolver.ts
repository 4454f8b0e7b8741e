/** One DNS server the operating system sends its queries to, as each OS's reader finds it. */
export interface SystemResolver {
  address: string
  port: number
  interface?: string
  /**
   * Only on a link-local IPv6 address: its scope as a socket takes it after `%` (the interface name on
   * Linux and macOS, the interface index on Windows). Without it the server cannot be reached.
   */
  zone?: string
}
