/** Headers worth showing to whoever has to find the fault: they name the machines that answered. */
export const REVEALING_HEADERS = ['server', 'via', 'cf-ray', 'x-served-by', 'x-cache', 'x-amz-cf-id', 'x-azure-ref', 'x-vercel-id']

export interface Responder {
  name: string
  isCdn: boolean
}

// Header fingerprints of the delivery networks and proxies that commonly stand in front of sites.
const CDN_FINGERPRINTS: { name: string; matches: (headers: Record<string, string>) => boolean }[] = [
  { name: 'Cloudflare', matches: (h) => 'cf-ray' in h || /cloudflare/i.test(h.server ?? '') },
  { name: 'Amazon CloudFront', matches: (h) => 'x-amz-cf-id' in h || /cloudfront/i.test(`${h.via ?? ''} ${h['x-cache'] ?? ''} ${h.server ?? ''}`) },
  { name: 'Azure Front Door', matches: (h) => 'x-azure-ref' in h },
  { name: 'Fastly', matches: (h) => 'x-fastly-request-id' in h || /^cache-/i.test(h['x-served-by'] ?? '') },
  { name: 'Akamai', matches: (h) => /akamai/i.test(h.server ?? '') || Object.keys(h).some((name) => name.startsWith('x-akamai')) },
  { name: 'Vercel', matches: (h) => 'x-vercel-id' in h },
  { name: 'Google Cloud', matches: (h) => /^gfe|google frontend/i.test(h.server ?? '') || /google/i.test(h.via ?? '') },
  { name: 'Varnish cache', matches: (h) => 'x-varnish' in h || /varnish/i.test(h.via ?? '') },
]

/** Names whoever produced a response, from the headers that reveal it; null when nothing does. */
export function whoAnswered(headers: Record<string, string>): Responder | null {
  const cdn = CDN_FINGERPRINTS.find((fingerprint) => fingerprint.matches(headers))
  if (cdn) return { name: cdn.name, isCdn: true }
  const product = headers.server?.split(/[/\s]/)[0]?.trim()
  return product ? { name: product, isCdn: false } : null
}
