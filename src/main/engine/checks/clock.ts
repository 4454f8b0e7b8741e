import type { CheckEvidence } from '../../../shared/evidence'
import type { Check, CheckContext } from '../check'
import { desktopOs } from './site-hosts'

/** A clock this far off makes certificates look expired or not yet valid; smaller drifts are harmless. */
export const CLOCK_SKEW_LIMIT_MS = 5 * 60_000

type ServerTime = CheckEvidence['net.clock']['servers'][number]

/** The Date headers of every server that answered in this diagnosis: the sign-in page test, the site, the proxy. */
function serverTimes(context: CheckContext): ServerTime[] {
  const portal = context.outcomes['portal.captive']?.evidence?.fetch
  const site = context.outcomes['site.http']?.evidence?.fetches ?? []
  const proxy = context.outcomes['site.proxy']?.evidence?.fetch
  const dated = [
    ...(portal?.ok ? [{ from: 'portal' as const, date: portal.headers.date }] : []),
    ...site.flatMap((fetch) => (fetch.ok ? [{ from: 'site' as const, date: fetch.headers.date }] : [])),
    ...(proxy?.ok ? [{ from: 'proxy' as const, date: proxy.headers.date }] : []),
  ]
  return dated.filter((entry): entry is ServerTime => typeof entry.date === 'string' && !Number.isNaN(Date.parse(entry.date)))
}

/** The middle one: a single server with a wrong clock does not make this computer's clock wrong. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/**
 * Compares this computer's clock with the time the servers that answered gave (their Date headers). It runs
 * right after they answered; a few seconds between their answer and this reading do not matter at minutes.
 */
export const clockCheck: Check<'net.clock'> = {
  id: 'net.clock',
  dependsOn: ['portal.captive', 'site.http', 'site.proxy'],
  needs: ['network'],
  timeoutMs: 200,
  run: async (context) => {
    const now = context.now()
    const servers = serverTimes(context)
    const evidence = { os: desktopOs(context.system.platform), localTime: new Date(now).toISOString(), servers }
    if (servers.length === 0) return { status: 'skipped', summary: { code: 'clock-unknown' }, evidence }
    const skewMs = now - median(servers.map((entry) => Date.parse(entry.date)))
    const withSkew = { ...evidence, skewMs }
    const minutes = Math.round(skewMs / 60_000)
    if (Math.abs(skewMs) >= CLOCK_SKEW_LIMIT_MS) return { status: 'fail', summary: { code: 'clock-wrong', minutes }, evidence: withSkew }
    return { status: 'pass', summary: { code: 'clock-right' }, evidence: withSkew }
  },
}
