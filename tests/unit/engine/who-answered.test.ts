import { describe, expect, it } from 'vitest'
import { whoAnswered } from '../../../src/shared/who-answered'

describe('whoAnswered', () => {
  it.each([
    [{ server: 'cloudflare', 'cf-ray': '8a1b2c3d4e5f-AMS' }, 'Cloudflare', true],
    [{ 'x-amz-cf-id': 'abc', via: '1.1 1234.cloudfront.net (CloudFront)' }, 'Amazon CloudFront', true],
    [{ 'x-azure-ref': '0abc' }, 'Azure Front Door', true],
    [{ 'x-served-by': 'cache-ams21047-AMS', 'x-cache': 'MISS' }, 'Fastly', true],
    [{ server: 'AkamaiGHost' }, 'Akamai', true],
    [{ server: 'nginx/1.22.1' }, 'nginx', false],
    [{ server: 'Apache/2.4.57 (Debian)' }, 'Apache', false],
  ])('%o → %s', (headers, name, isCdn) => {
    expect(whoAnswered(headers)).toEqual({ name, isCdn })
  })

  it('is null when nothing reveals the responder', () => {
    expect(whoAnswered({ 'content-type': 'text/html' })).toBeNull()
  })
})
