// Engines the bridge host can run instead of the plain one (NETMEND_BRIDGE_ENGINE), to drive the window's
// failure paths through the real handlers: the real engine around them, only the named fault added.
import type { CheckReport, DiagnosisEvent, DiagnosisReport } from '../../../src/shared/diagnosis'
import type { MainDependencies } from '../../../src/main/ipc/handlers'

type Engine = MainDependencies['diagnose']

/** Rows of interfaces that make a check's evidence about 1 MB, and one value of 200,000 characters. */
const HUGE_INTERFACE_COUNT = 4000
const LONG_VALUE = 'x'.repeat(200_000)

function inflated(check: CheckReport): CheckReport {
  if (check.id !== 'net.interfaces') return check
  const interfaces = Array.from({ length: HUGE_INTERFACE_COUNT }, (_, index) => ({
    name: index === 0 ? LONG_VALUE : `veth-stress-${index}`,
    addresses: [{ address: `2001:db8:${index.toString(16)}::${'a'.repeat(150)}`, family: 'IPv6' as const, internal: false, scope: 'global' as const }],
  }))
  return { ...check, evidence: { interfaces } } as CheckReport
}

const inflateEvent = (event: DiagnosisEvent): DiagnosisEvent => (event.type === 'check-finished' ? { ...event, check: inflated(event.check) } : event)
const inflateReport = (report: DiagnosisReport): DiagnosisReport => ({ ...report, checks: report.checks.map(inflated) })

export function standInEngine(name: string | undefined, real: Engine): Engine {
  switch (name) {
    case undefined:
    case '':
      return real
    // A bug in the engine: it throws before any check has reported.
    case 'throws':
      return async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'addresses')")
      }
    // A run that never ends, whatever its signal says: one check starts, nothing else ever comes.
    case 'never-ends':
      return (options) => {
        options.onEvent?.({ type: 'check-started', id: 'net.interfaces' })
        return new Promise<never>(() => undefined)
      }
    // The real run, with about 1 MB of evidence in one check.
    case 'huge-evidence':
      return async (options) => inflateReport(await real({ ...options, onEvent: (event) => options.onEvent?.(inflateEvent(event)) }))
    default:
      throw new Error(`unknown NETMEND_BRIDGE_ENGINE ${name}`)
  }
}
