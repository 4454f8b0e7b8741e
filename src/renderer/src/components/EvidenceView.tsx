import { useId, useMemo, useState } from 'react'
import type { CheckReport } from '../../../shared/diagnosis'
import { readEvidence, type EvidenceTable } from '../evidence'
import { EVIDENCE_LIMITS, shortenSections, shortenText } from '../evidence-limits'
import { useTexts } from '../texts-context'

function Table({ table }: { table: EvidenceTable }): React.JSX.Element {
  return (
    <table className="evidence-table">
      <caption className="sr-only">{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, index) => (
          <tr key={index}>
            {row.map((cell, column) => (column === 0 ? <th key={column} scope="row">{cell}</th> : <td key={column}>{cell}</td>))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A check's evidence in words and small tables, long ones shortened until "show all"; the raw data stays one click further. */
export function EvidenceView({ id, check }: { id: string; check: CheckReport }): React.JSX.Element {
  const t = useTexts()
  const [all, setAll] = useState(false)
  const complete = useMemo(() => readEvidence(check, t), [check, t])
  const shortened = useMemo(() => shortenSections(complete), [complete])
  const sections = all ? complete : shortened.value
  const [raw, setRaw] = useState(false)
  const rawId = useId()
  const rawText = useMemo(() => (raw ? JSON.stringify(check.evidence, null, 2) : ''), [raw, check])
  const shortRaw = shortenText(rawText, EVIDENCE_LIMITS.rawCharacters)
  const cut = shortened.cut + (raw ? shortRaw.cut : 0)
  return (
    <div id={id} className="evidence">
      {sections.length === 0 && <p className="muted">{t.checklist.noDetails}</p>}
      {sections.map((section, index) => (
        <div key={index} className="evidence-section">
          {section.heading && <p className="evidence-heading">{section.heading}</p>}
          {section.lines.length > 0 && (
            <ul className="evidence-lines">
              {section.lines.map((line, lineIndex) => (
                <li key={lineIndex}>{line}</li>
              ))}
            </ul>
          )}
          {section.table && <Table table={section.table} />}
        </div>
      ))}
      {cut > 0 && (
        <button type="button" className="button button--link" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t.checklist.showLess : t.checklist.showAll}
        </button>
      )}
      <button type="button" className="button button--link" aria-expanded={raw} aria-controls={raw ? rawId : undefined} onClick={() => setRaw(!raw)}>
        {t.checklist.rawData}
      </button>
      {raw && (
        <pre id={rawId} className="raw" tabIndex={0} role="region" aria-label={t.checklist.rawData}>
          {all ? rawText : shortRaw.value}
        </pre>
      )}
    </div>
  )
}
