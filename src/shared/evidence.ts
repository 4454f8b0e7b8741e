// What each check records, as data: the engine produces it, and the renderer, the reports and the CLI's
// JSON read its fields. One type per check id (CheckEvidence); nothing here is a sentence.

export type IpFamily = 'IPv4' | 'IPv6'
export type AddressScope = 'global' | 'link-local' | 'loopback'

export interface NetworkInterfaceInfo {
  name: string
  addresses: { address: string; family: IpFamily; internal: boolean; scope: AddressScope }[]
}

/** The router a default route goes through, as each OS's route reader finds it. */
export interface DefaultGateway {
  address: string
  family: IpFamily
  interface: string
  /**
   * Only on a link-local IPv6 gateway (the usual IPv6 router): its scope as sockets and ping take it after `%`,
   * the interface name on Linux and macOS, the interface index on Windows. Probes without it go nowhere.
   */
  zone?: string
}

export type TcpConnectOutcome = 'connected' | 'refused' | 'timeout' | 'unreachable' | 'aborted' | 'error'

export interface TcpConnectResult {
  address: string
  port: number
  outcome: TcpConnectOutcome
  latencyMs: number
  errorCode?: string
}

export type DnsRcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED' | string

/** data: address for A/AAAA, target for CNAME/NS/PTR, "mname rname serial" for SOA, "preference exchange" for MX, the strings concatenated for TXT. */
export interface DnsAnswer {
  name: string
  type: string
  ttl: number
  data: string
}

export type DnsFailureCode = 'dns.timeout' | 'dns.unreachable' | 'dns.aborted' | 'dns.bad-question' | 'dns.network-error'

export type DnsResponse =
  | { ok: true; rcode: DnsRcode; answers: DnsAnswer[]; authorities: DnsAnswer[]; latencyMs: number; transport: 'udp' | 'tcp'; server: string }
  | { ok: false; code: DnsFailureCode; detail: string; latencyMs: number; server: string }

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

export type ResolverManager = 'systemd-resolved' | 'networkmanager' | 'resolvconf' | 'plain-file' | 'scutil' | 'windows' | 'unknown'

export type SystemResolversResult =
  | {
      ok: true
      /** The servers the OS sends queries to. */
      resolvers: SystemResolver[]
      manager: ResolverManager
      /** True when those servers are a forwarder on this machine (127.0.0.53, 127.0.1.1, ...). */
      viaLocalStub: boolean
      /** The servers behind the local stub when they can be read; empty otherwise. */
      upstream: SystemResolver[]
      searchDomains: string[]
    }
  | { ok: false; code: 'resolvers.unreadable' | 'resolvers.none' | 'resolvers.unsupported-os'; detail: string }

export type HttpFailureCode =
  | 'http.timeout'
  | 'http.refused'
  | 'http.unreachable'
  | 'http.reset'
  | 'http.aborted'
  | 'http.protocol'
  | 'tls.untrusted'
  | 'tls.expired'
  | 'tls.name-mismatch'
  | 'tls.failed'
  /** The site sent the browser round in a circle of redirects. */
  | 'http.redirect-loop'
  /** More than MAX_REDIRECTS redirects in a row: browsers give up there too. */
  | 'http.too-many-redirects'
  /** A redirect led to another name that the resolver which found the site could not find. */
  | 'http.redirect-unresolved'

export interface HttpTimings {
  connectMs?: number
  tlsMs?: number
  firstByteMs?: number
  totalMs: number
}

/** One answer on the way that sent the browser on: where it was asked, at which address, and with which status. */
export interface RedirectHop {
  url: string
  address: string
  status: number
}

/**
 * How a browser got on: the redirects it followed before the answer it showed, that answer's URL, and, for a
 * name typed without http:// or https://, why the secure attempt was given up for plain http.
 */
export interface FetchJourney {
  /** The URL of the answer (or failure) this result describes; absent for a single fetch of the URL asked. */
  url?: string
  /** Redirects followed before it, in order. */
  redirects?: RedirectHop[]
  /** Why https:// failed before http:// was tried (bare names only). */
  httpsFailure?: HttpFailureCode
}

/** `address` is the address the journey started at: the one a resolver gave for the site. */
export type PinnedFetchResult =
  | ({ ok: true; address: string; status: number; headers: Record<string, string>; bodySnippet: string; timings: HttpTimings; tlsProtocol?: string } & FetchJourney)
  | ({ ok: false; address: string; code: HttpFailureCode; detail: string; timings: HttpTimings } & FetchJourney)

/** Whose address book was asked: the one this computer uses, or a public one (named, e.g. "Google"). */
export type ResolverOrigin = { kind: 'system' } | { kind: 'public'; name: string }

/** One resolver's answer to one question. */
export interface ResolverAnswer {
  /** The address asked, with its zone when link-local (`fe80::1%en0`). */
  resolver: string
  origin: ResolverOrigin
  response: DnsResponse
}

export interface SiteAddress {
  address: string
  from: ('system' | 'public')[]
}

/** Where this computer's proxy settings were found. */
export type ProxySource = 'environment' | 'macos' | 'windows-internet-settings' | 'windows-winhttp' | 'gnome' | 'kde'

/** A web proxy, without any user name or password that the setting may carry. */
export interface ProxyServer {
  host: string
  port: number
}

/** The proxy settings of one source: a proxy for plain and for secure pages, names that skip it, a PAC file. */
export interface ProxySettings {
  source: ProxySource
  http?: ProxyServer
  https?: ProxyServer
  /** Names and addresses that go direct, as written in the settings ("*.local", ".example.com", "<local>", "10.0.0.0/8"). */
  bypass: string[]
  /** The address of a proxy auto-config (PAC) file, when the settings name one. */
  pacUrl?: string
}

/**
 * How a page went through a proxy. 'proxy-*' failures are the proxy's own: it could not be reached, it
 * wants a sign-in (407), or it refused to open the way to the site (CONNECT answered other than 2xx).
 */
export type ProxyFetchResult =
  | { ok: true; proxy: string; status: number; headers: Record<string, string>; timings: HttpTimings }
  | {
      ok: false
      proxy: string
      code: HttpFailureCode | 'proxy.sign-in' | 'proxy.refused-tunnel'
      /** Where it failed: at the proxy (reaching it, or its answer), or on the way to the site through it. */
      at: 'proxy' | 'site'
      status?: number
      detail: string
      timings: HttpTimings
    }

/** The desktop systems NetMend tells steps for. */
export type DesktopOs = 'windows' | 'macos' | 'linux'

/** Keyed by check id (diagnosis.ts indexes it with every CheckId, so a check without its type fails to compile). */
export interface CheckEvidence {
  'net.interfaces': { interfaces: NetworkInterfaceInfo[] }
  'net.gateway': { gateways: DefaultGateway[]; answering: string[] }
  'net.internet': { targets: TcpConnectResult[] }
  'dns.system': { question: string; answers: ResolverAnswer[]; resolversRead: SystemResolversResult }
  'dns.public': { question: string; answers: ResolverAnswer[] }
  'dns.hijack': { question: string; system: ResolverAnswer[]; public: ResolverAnswer[] }
  /** address: the check host's address (absent when no resolver gave one); fetch: absent when not fetched. */
  'portal.captive': { url: string; address?: string; fetch?: PinnedFetchResult }
  'site.dns': { host: string; system: ResolverAnswer[]; public: ResolverAnswer[] }
  'site.http': {
    url: string
    addresses: SiteAddress[]
    fetches: PinnedFetchResult[]
    /** How long each fetch was allowed: a timeout much shorter than a slow site needs proves nothing. */
    timeoutMs?: number
  }
  /**
   * path: the hosts file read (null when it cannot be found safely); addresses: what it says for the site
   * (empty when it does not name it); fetches: the site fetched at each of them.
   */
  'site.hosts': { path: string | null; os: DesktopOs; addresses: string[]; fetches: PinnedFetchResult[] }
  /**
   * settings: what this computer is set to use (null: no proxy); pac: the auto-config file and what it chose;
   * proxy: the one the site's page goes through ("host:port"), null for direct; fetch: the page through it.
   */
  'site.proxy': {
    os: DesktopOs
    settings: ProxySettings | null
    pac?: { url: string; ok: boolean; choice?: string; error?: string }
    proxy: string | null
    fetch?: ProxyFetchResult
  }
  /**
   * localTime: this computer's clock when compared; servers: the Date headers of servers that answered;
   * skewMs: how far this computer is ahead of them (negative: behind), from the middle one.
   */
  'net.clock': { os: DesktopOs; localTime: string; servers: { from: 'portal' | 'site' | 'proxy'; date: string }[]; skewMs?: number }
}
