// The shapes every dns-settings module shares: what an adapter's DNS looks like, what a snapshot
// holds so it can be put back exactly, and the steps a change is made of. Pure data.

/** Who owns an adapter's DNS settings, and so whose tool changes them. */
export type DnsOwner = 'windows' | 'networksetup' | 'systemd-resolved' | 'networkmanager' | 'resolvconf' | 'plain-file'

/** manual: typed in by someone; automatic: handed out by the network (DHCP, router advertisements); file: /etc/resolv.conf as written. */
export type DnsSource = 'manual' | 'automatic' | 'file' | 'unknown'

export interface FamilyDns {
  servers: string[]
  source: DnsSource
}

export interface AdapterDnsSettings {
  /**
   * What `use(…, { adapters })` and `netmend dns use --adapter` take: the Windows InterfaceIndex, the
   * macOS device (en0), the Linux interface name, or "resolv.conf" when one file serves every adapter.
   */
  id: string
  /** What a person recognises: "Wi-Fi", "Ethernet 2", "eth0", "/etc/resolv.conf". */
  name: string
  owner: DnsOwner
  ipv4: FamilyDns
  ipv6: FamilyDns
  /** A VPN or virtual adapter: left alone unless asked for by id. */
  virtual: boolean
  /** Carries the default route (or is the only place DNS is set): what a switch changes by default. */
  primary: boolean
}

/** Everything needed to put one adapter's DNS back exactly as it was. `key` stays the same across reboots. */
export type AdapterState =
  | {
      owner: 'plain-file'
      key: string
      /**
       * The path programs read (/etc/resolv.conf) and the file it led to when read. For people and for
       * checks only: what the admin step writes is decided there, never taken from here.
       */
      path: string
      target: string
      /** The file's bytes, base64. */
      content: string
    }
  | {
      owner: 'resolvconf'
      key: string
      interface: string
      /** Our resolvconf record (lo.netmend); null when it does not exist. */
      record: string
      servers: string[] | null
    }
  | { owner: 'systemd-resolved'; key: string; interface: string; dns: string[]; domains: string[] }
  | {
      owner: 'networkmanager'
      key: string
      uuid: string
      name: string
      /** The device the profile is active on; '' when it is not active (read only for a restore). */
      device: string
      ipv4Dns: string[]
      ipv4IgnoreAutoDns: boolean
      ipv6Dns: string[]
      ipv6IgnoreAutoDns: boolean
    }
  | {
      owner: 'windows'
      key: string
      /** Valid at snapshot time only: at restore time the adapter is found again by GUID, then by name. */
      index: number
      name: string
      guid: string
      /** Hand-set servers from the registry's NameServer; empty means "from DHCP". */
      ipv4Manual: string[]
      ipv6Manual: string[]
    }
  | {
      owner: 'networksetup'
      key: string
      service: string
      device: string
      /** Hand-set servers; empty means automatic (restored with "Empty"). */
      servers: string[]
    }

export interface Snapshot {
  version: 1
  platform: NodeJS.Platform
  takenAt: string
  adapters: AdapterState[]
}

/**
 * One thing a change does. `run` is a system tool that needs admin rights (with `input` on its stdin),
 * named by what privileged-commands.ts knows it as (the privileged side finds the program itself);
 * `write-resolv-conf` replaces the bytes (base64) of /etc/resolv.conf, or of the file it links to: which
 * file is decided on the privileged side, never by the step.
 */
export type Step =
  | { kind: 'run'; file: string; args: string[]; input?: string }
  | { kind: 'write-resolv-conf'; content: string }

export interface ServerCheck {
  address: string
  answered: boolean
  /** rcode when it answered, otherwise why not. */
  detail: string
  latencyMs?: number
}

export interface VerificationReport {
  /** Each new server asked directly with NetMend's own DNS client. */
  servers: ServerCheck[]
  /** The settings read back from the system list the new servers first. */
  systemUsesThem: boolean
  /** A lookup through the system's own path (getaddrinfo) got an answer. */
  systemLookup: { ok: boolean; detail: string }
}

export type { DnsSettingsErrorCode, DnsSettingsFailure } from '../../shared/errors'
