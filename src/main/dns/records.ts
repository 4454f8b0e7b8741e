// What a question may ask for, apart from how it is asked (client.ts) or encoded (wire.ts). What an answer
// holds is evidence the checks record: src/shared/evidence.ts.
export type DnsRecordType = 'A' | 'AAAA' | 'CNAME' | 'NS' | 'SOA' | 'TXT' | 'PTR' | 'MX'
