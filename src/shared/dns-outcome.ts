// What a change to the computer's DNS settings did, as data: the app and the CLI say each one the same way.

export type DnsOutcome =
  | { code: 'switched'; servers: string[]; adapters: string[] }
  | { code: 'reverted'; adapters: string[] }
  | { code: 'nothing-to-revert' }
  | { code: 'flushed'; method: string }
  | { code: 'nothing-to-flush' }
