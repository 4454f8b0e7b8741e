// The committed icons (rendered from resources/icon.svg by scripts/render-icons.mjs with librsvg, icotool
// and @fiahfy/icns), read back with other readers: pngjs for PNG, decode-ico for .ico, and the ICNS
// container walked here with each image decoded by pngjs.
import { readdirSync, readFileSync } from 'node:fs'
import decodeIco from 'decode-ico'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'

const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
/** Apple's ICNS types holding PNG images, and their sizes in pixels (the @2x ones double a point size). */
const ICNS_SIZES: Record<string, number> = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 }

/** A drawn icon, not an empty canvas: rounded corners are transparent, the middle is opaque. */
function expectDrawnIcon(width: number, height: number, alphaAt: (x: number, y: number) => number): void {
  expect(alphaAt(0, 0)).toBe(0)
  expect(alphaAt(width - 1, height - 1)).toBe(0)
  expect(alphaAt(Math.floor(width / 2), Math.floor(height / 2))).toBe(255)
}

function decodePng(data: Buffer): PNG {
  return PNG.sync.read(data)
}
const pngAlpha = (image: PNG) => (x: number, y: number) => image.data[(y * image.width + x) * 4 + 3]!

// Decoding every image up to 1024 px takes a moment on a busy machine.
describe('app icons in resources/', { timeout: 30_000 }, () => {
  it('the PNG set has every size the installers use, 512 and 1024 included, and nothing else', () => {
    expect(readdirSync('resources/icons').sort()).toEqual(PNG_SIZES.map((size) => `${size}x${size}.png`).sort())
  })

  it.each(PNG_SIZES)('resources/icons/%ix… is a PNG of that size, with the icon drawn on it', (size) => {
    const image = decodePng(readFileSync(`resources/icons/${size}x${size}.png`))
    expect([image.width, image.height]).toEqual([size, size])
    expectDrawnIcon(size, size, pngAlpha(image))
  })

  it('icon.ico holds 16 to 256 px images for Windows, the 256 px one as PNG', () => {
    const images = decodeIco(readFileSync('resources/icon.ico'))
    expect(images.map((image) => image.width).sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256])
    for (const image of images) {
      expect(image.height).toBe(image.width)
      // decode-ico hands PNG entries over still encoded, bitmap entries as RGBA.
      const pixels = image.type === 'png' ? decodePng(Buffer.from(image.data)).data : image.data
      expectDrawnIcon(image.width, image.height, (x, y) => pixels[(y * image.width + x) * 4 + 3]!)
    }
    expect(images.find((image) => image.width === 256)?.type).toBe('png')
  })

  it('icon.icns is a well-formed ICNS file whose images are PNGs of the sizes their types promise, up to 1024 px', () => {
    const file = readFileSync('resources/icon.icns')
    expect(file.toString('latin1', 0, 4)).toBe('icns')
    expect(file.readUInt32BE(4)).toBe(file.length)
    const found: string[] = []
    for (let offset = 8; offset < file.length; ) {
      const type = file.toString('latin1', offset, offset + 4)
      const length = file.readUInt32BE(offset + 4)
      expect(length).toBeGreaterThan(8)
      expect(offset + length).toBeLessThanOrEqual(file.length)
      const image = decodePng(file.subarray(offset + 8, offset + length))
      expect([type, image.width, image.height]).toEqual([type, ICNS_SIZES[type], ICNS_SIZES[type]])
      expectDrawnIcon(image.width, image.height, pngAlpha(image))
      found.push(type)
      offset += length
    }
    expect(found.sort()).toEqual(Object.keys(ICNS_SIZES).sort())
  })
})
