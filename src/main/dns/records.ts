// What a DNS answer holds, apart from how it was asked for (client.ts) or encoded (wire.ts).
export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA' | 'TXT' | 'PTR' | 'MX'
export type DnsRcode = 'NOERROR' | 'FORMERR' | 'SERVFAIL' | 'NXDOMAIN' | 'NOTIMP' | 'REFUSED' | string

/** data: address for A/AAAA, target for CNAME/NS/PTR, "mname rname serial" for SOA, "preference exchange" for MX, the strings concatenated for TXT. */
export interface DnsAnswer {
  name: string
  type: string
  ttl: number
  data: string
}
