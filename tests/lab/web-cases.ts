// The `web-cases` world's sites: one name per way a site can answer a browser (redirects, certificates,
// firewalls, limits, blocks, every server error), all served by the world's nginx, plus the records the
// resolvers give for them. Certificates come from a lab CA the CLI trusts through NODE_EXTRA_CA_CERTS.
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

export const WEB = {
  /** Where every case's site is. */
  address: '203.0.113.90',
  /** Where the provider's resolver sends `blocked.lab.test`: a block page. */
  blockPage: '203.0.113.91',
  /** A site with only port 80 open: https is refused. */
  httpOnly: '203.0.113.92',
  /** LAB.blackhole, dropped in inet: a resolver forwarding a name there fails it (dnsmasq answers REFUSED). */
  deadResolver: '203.0.113.99',
} as const

/** The server errors each have a site, e<status>.lab.test; the 52x and 530 ones answer as a delivery network would. */
export const WEB_SERVER_ERRORS = [500, 501, 502, 503, 504, 505, 507, 508, 520, 521, 522, 523, 524, 525, 526, 527, 530] as const

export const WEB_NAMES = {
  /** http → https on the same name, valid certificate: works. */
  secure: 'secure.lab.test',
  /** http redirect to another name whose certificate has expired. */
  moved: 'moved.lab.test',
  expired: 'expired.lab.test',
  /** Served with secure.lab.test's certificate. */
  wrongName: 'wrongname.lab.test',
  loop: 'loop.lab.test',
  /** A 403 block page as Cloudflare's firewall sends it. */
  firewall: 'waf.lab.test',
  /** 429 with Retry-After: 120. */
  limited: 'busy.lab.test',
  /** 451 at every address. */
  legal: 'legal.lab.test',
  /** 451 block page at the provider's address only. */
  blocked: 'blocked.lab.test',
  /** 407 with a proxy's sign-in challenge. */
  proxyAuth: 'proxy-auth.lab.test',
  gone: 'gone.lab.test',
  /** Every resolver forwards it to a dead server: it fails for this name only. */
  broken: 'broken.lab.test',
  httpOnly: 'httponly.lab.test',
} as const

export const serverErrorName = (status: number): string => `e${status}.lab.test`

export const WEB_CA = 'web-ca.crt'
export const WEB_LOOPBACK_ADDRESSES = [WEB.address, WEB.blockPage, WEB.httpOnly]

/** dnsmasq lines: the provider's resolver sends blocked.lab.test to the block page, the public ones to the site. */
export function webDnsRecords(resolver: 'isp' | 'public'): string[] {
  const atSite = [
    ...Object.values(WEB_NAMES).filter((name) => name !== WEB_NAMES.broken && name !== WEB_NAMES.httpOnly && name !== WEB_NAMES.blocked),
    ...WEB_SERVER_ERRORS.map(serverErrorName),
  ]
  return [
    ...atSite.map((name) => `host-record=${name},${WEB.address}`),
    `host-record=${WEB_NAMES.blocked},${resolver === 'isp' ? WEB.blockPage : WEB.address}`,
    `host-record=${WEB_NAMES.httpOnly},${WEB.httpOnly}`,
    `server=/${WEB_NAMES.broken}/${WEB.deadResolver}`,
  ]
}

const CLOUDFLARE_BLOCK_PAGE =
  '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1>' +
  '<p>You are unable to access waf.lab.test</p><div id="cf-error-details">Cloudflare Ray ID: 8c1f00000000</div></body></html>'

function serverErrorServer(status: number): string {
  const cdn = status >= 520 ? 'add_header CF-RAY 8c1f00000000-AMS always; ' : ''
  return `server { listen ${WEB.address}:80; server_name ${serverErrorName(status)}; location / { ${cdn}return ${status} 'error ${status}\\n'; } }`
}

/** nginx server blocks for every case; certificates named <case>.crt/.key in `dir`. */
export function webNginxServers(dir: string): string {
  const p = (file: string): string => path.join(dir, file)
  const tls = (name: string): string => `listen ${WEB.address}:443 ssl; ssl_certificate ${p(`${name}.crt`)}; ssl_certificate_key ${p(`${name}.key`)};`
  const n = WEB_NAMES
  return `
  # web-cases: one name per way a site can answer (tests/lab/web-cases.ts).
  server { listen ${WEB.address}:80; ${tls('secure')} server_name ${n.secure};
    location / { if ($scheme = http) { return 301 https://${n.secure}/; } return 200 'secure shop\\n'; } }
  server { listen ${WEB.address}:80; server_name ${n.moved}; location / { return 301 https://${n.expired}/; } }
  server { ${tls('expired')} server_name ${n.expired}; location / { return 200 'expired shop\\n'; } }
  server { ${tls('secure')} server_name ${n.wrongName}; location / { return 200 'wrong name\\n'; } }
  server { listen ${WEB.address}:80; server_name ${n.loop}; location = / { return 302 /login; } location / { return 302 /; } }
  server { listen ${WEB.address}:80; server_name ${n.firewall};
    location / { default_type text/html; add_header CF-RAY 8c1f00000000-AMS always; return 403 '${CLOUDFLARE_BLOCK_PAGE}'; } }
  server { listen ${WEB.address}:80; server_name ${n.limited}; location / { add_header Retry-After 120 always; return 429 'slow down\\n'; } }
  server { listen ${WEB.address}:80; server_name ${n.legal}; location / { return 451 'Unavailable for legal reasons\n'; } }
  server { listen ${WEB.address}:80; server_name ${n.blocked}; location / { return 200 'the blocked shop itself\n'; } }
  server { listen ${WEB.blockPage}:80 default_server; location / { return 451 'This site is blocked by order of a court.\\n'; } }
  server { listen ${WEB.address}:80; server_name ${n.proxyAuth};
    location / { add_header Proxy-Authenticate 'Basic realm="office proxy"' always; return 407 'sign in\\n'; } }
  server { listen ${WEB.address}:80; server_name ${n.gone}; location / { return 410 'gone\\n'; } }
  server { listen ${WEB.httpOnly}:80; server_name ${n.httpOnly}; location / { return 200 'plain shop\\n'; } }
  ${WEB_SERVER_ERRORS.map(serverErrorServer).join('\n  ')}
`
}

type Run = (cmd: string, args: string[]) => Promise<unknown>

/** The lab CA, and certificates from it: valid for secure.lab.test, expired for expired.lab.test. */
export async function writeWebCertificates(dir: string, run: Run): Promise<void> {
  const p = (file: string): string => path.join(dir, file)
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  await run('openssl', ['req', '-x509', ...ec, '-keyout', p('web-ca.key'), '-out', p(WEB_CA), '-days', '2', '-subj', '/CN=NetMend Lab CA'])
  const issue = async (file: string, name: string, days: string, serial: string): Promise<void> => {
    await writeFile(p(`${file}.ext`), `subjectAltName=DNS:${name}\n`)
    await run('openssl', ['req', ...ec, '-keyout', p(`${file}.key`), '-out', p(`${file}.csr`), '-subj', `/CN=${name}`])
    await run('openssl', ['x509', '-req', '-in', p(`${file}.csr`), '-CA', p(WEB_CA), '-CAkey', p('web-ca.key'), '-set_serial', serial, '-days', days, '-extfile', p(`${file}.ext`), '-out', p(`${file}.crt`)])
  }
  // A negative validity ends the certificate a day before it was made: expired, as far as anyone can tell.
  await Promise.all([issue('secure', WEB_NAMES.secure, '2', '2'), issue('expired', WEB_NAMES.expired, '-1', '3')])
}
