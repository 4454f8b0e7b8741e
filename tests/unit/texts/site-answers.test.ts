// Every server error and every new verdict, told in every language, with and without a delivery network.
import { describe, expect, it } from 'vitest'
import { SERVER_ERROR_STATUSES, VERDICT_CODES, type TextParams } from '../../../src/shared/diagnosis'
import { describeCheckSummary, DIAGNOSIS_TEXTS } from '../../../src/shared/texts/diagnosis'

const languages = Object.entries(DIAGNOSIS_TEXTS)
const variants: TextParams[] = [
  { site: 'shop.example' },
  { site: 'shop.example', errorSource: 'Cloudflare', errorSourceIsCdn: true, firewall: 'Sucuri', retryAfterSeconds: 30, blockedBy: 'legal-notice', redirectFailure: 'http.redirect-unresolved' },
  { errorSource: 'nginx', errorSourceIsCdn: false, blockedBy: 'provider-address' },
]

describe('site answers in words', () => {
  it.each(languages)('%s: every server error says what happened and whose computer it was', (_language, texts) => {
    const seen = new Set<string>()
    for (const status of SERVER_ERROR_STATUSES) {
      for (const params of variants) {
        const sentence = texts.serverErrors[status]({ ...params, status })
        expect(sentence).not.toMatch(/undefined|NaN|\$\{/)
        expect(sentence).toMatch(/^[A-ZÄÖÜ]/)
        seen.add(texts.serverErrors[status]({ site: 'x' }))
      }
      const told = texts.verdicts['site-error']({ site: 'shop.example', status })
      expect(told.explanation).toContain(String(status))
    }
    // Each error has its own sentence.
    expect(seen.size).toBe(SERVER_ERROR_STATUSES.length)
  })

  it.each(languages)('%s: the delivery network is named for its own codes', (_language, texts) => {
    for (const status of [520, 521, 522, 523, 524, 525, 526, 527, 530] as const) {
      expect(texts.serverErrors[status]({ errorSource: 'Cloudflare', errorSourceIsCdn: true })).toContain('Cloudflare')
    }
  })

  it.each(languages)('%s: every verdict reads without gaps', (_language, texts) => {
    for (const code of VERDICT_CODES) {
      for (const params of variants) {
        const { title, explanation } = texts.verdicts[code](params)
        expect(`${title} ${explanation}`).not.toMatch(/undefined|NaN|\$\{|null/)
      }
    }
  })

  it("a block page's status is not called working in the site check's line; a saved 4xx without the judgement still is", () => {
    const line = (works?: boolean) =>
      describeCheckSummary({ code: 'site-fails', fetches: [{ address: '203.0.113.90', status: 403, ...(works === undefined ? {} : { works }) }] }, DIAGNOSIS_TEXTS.en)
    expect(line(false)).toBe('Error 403 at 203.0.113.90')
    expect(line()).toBe('Works at 203.0.113.90 (403)')
  })
})
