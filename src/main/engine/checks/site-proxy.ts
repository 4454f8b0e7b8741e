import type { CheckEvidence, ProxyServer } from '../../../shared/evidence'
import { proxyName } from '../../platform/proxy/proxy-address'
import { siteAddresses } from '../answers'
import type { Check, CheckContext } from '../check'
import { evaluatePac, fetchPacFile, firstPacChoice } from '../probes/pac'
import { fetchViaProxy } from '../probes/via-proxy'
import { proxyForUrl } from '../proxy-choice'
import { desktopOs } from './site-hosts'

/** A PAC file runs synchronously: it gets this long at most, whatever the check has left. */
const PAC_RUN_MS = 250

type Evidence = CheckEvidence['site.proxy']

function pacInputs(context: CheckContext, url: URL): { known: Record<string, string>; myIp: string } {
  const host = url.hostname.toLowerCase()
  const found = siteAddresses(context.outcomes['site.dns']?.evidence?.system ?? [])[0]
  const own = context.outcomes['net.interfaces']?.evidence?.interfaces.flatMap((info) => info.addresses).find((address) => address.family === 'IPv4' && !address.internal)
  return { known: found ? { [host]: found } : {}, myIp: own?.address ?? '127.0.0.1' }
}

/** The proxy the PAC file picks for the site: a proxy, null for direct, or the reason it could not tell. */
async function choiceFromPac(context: CheckContext, pacUrl: string, signal: AbortSignal): Promise<{ proxy: ProxyServer | null | undefined; pac: NonNullable<Evidence['pac']> }> {
  const target = context.target!
  const file = await fetchPacFile(pacUrl, Math.max(100, Math.min(1500, context.remainingMs() / 3)), signal)
  if (!file.ok) return { proxy: undefined, pac: { url: pacUrl, ok: false, error: file.error } }
  const evaluation = await evaluatePac(file.text, { url: target.url.href, host: target.url.hostname, ...pacInputs(context, target.url), now: context.now(), timeoutMs: PAC_RUN_MS })
  if (!evaluation.ok) return { proxy: undefined, pac: { url: pacUrl, ok: false, error: evaluation.error } }
  return { proxy: firstPacChoice(evaluation.choice), pac: { url: pacUrl, ok: true, choice: evaluation.choice } }
}

/**
 * Reads the proxy this computer is set to use and, when the site's page goes through one, fetches it that
 * way. Whether the page also loads without the proxy is site.http's part; the facts compare the two.
 */
export const siteProxyCheck: Check<'site.proxy'> = {
  id: 'site.proxy',
  dependsOn: ['net.interfaces', 'site.dns'],
  needs: ['site', 'network'],
  timeoutMs: 3500,
  run: async (context, signal) => {
    const target = context.target!
    const os = desktopOs(context.system.platform)
    const settings = await context.system.readProxySettings()
    if (settings === null) return { status: 'pass', summary: { code: 'proxy-none' }, evidence: { os, settings, proxy: null } }
    const fromPac = settings.pacUrl ? await choiceFromPac(context, settings.pacUrl, signal) : undefined
    const proxy = fromPac ? fromPac.proxy : proxyForUrl(settings, target.url)
    const seen = { os, settings, ...(fromPac ? { pac: fromPac.pac } : {}) }
    // A PAC file that cannot be read or run: browsers then go direct, which site.http has tested.
    if (proxy === undefined) return { status: 'warn', summary: { code: 'proxy-pac-failed' }, evidence: { ...seen, proxy: null } }
    if (proxy === null) return { status: 'pass', summary: { code: 'proxy-not-used' }, evidence: { ...seen, proxy: null } }
    const name = proxyName(proxy)
    const fetch = await fetchViaProxy({ url: target.url, proxy, timeoutMs: Math.max(100, context.remainingMs() - 50), signal })
    const evidence = { ...seen, proxy: name, fetch }
    if (fetch.ok && fetch.status < 500 && fetch.status !== 403) return { status: 'pass', summary: { code: 'proxy-works', proxy: name }, evidence }
    return { status: 'fail', summary: { code: 'proxy-fails', proxy: name }, evidence }
  },
}
