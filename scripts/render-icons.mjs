// Renders the app icon, drawn once in resources/icon.svg, into every file the installers need:
//   resources/icons/NxN.png  Linux (AppImage, .deb); electron-builder takes the sizes from the names
//   resources/icon.icns       macOS, PNG images in the types iconutil writes, built with @fiahfy/icns
//   resources/icon.ico        Windows (app, installer, shortcuts), built with icoutils' icotool
// PNGs are drawn by librsvg's rsvg-convert. The Debian packages are installed when missing (as root). The
// results are committed, so packaging and tests need none of these tools: run this after changing the SVG.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { Icns, IcnsImage } from '@fiahfy/icns'

const SVG = 'resources/icon.svg'
const PNG_DIR = 'resources/icons'
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
/** ICNS type → pixel size (the @2x types hold the same pixels as the next size up). */
const ICNS_TYPES = { icp4: 16, icp5: 32, icp6: 64, ic07: 128, ic08: 256, ic09: 512, ic10: 1024, ic11: 32, ic12: 64, ic13: 256, ic14: 512 }
const ICO_SIZES = [16, 24, 32, 48, 64, 128]
const PACKAGE_OF = { 'rsvg-convert': 'librsvg2-bin', icotool: 'icoutils' }

const has = (tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
const missing = Object.entries(PACKAGE_OF).filter(([tool]) => !has(tool)).map(([, debianPackage]) => debianPackage)
if (missing.length > 0) {
  if (process.getuid?.() !== 0 || !has('apt-get')) {
    console.error(`render-icons: needs the Debian packages ${missing.join(', ')}; install them and run again`)
    process.exit(1)
  }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
}

const png = (size) => `${PNG_DIR}/${size}x${size}.png`
rmSync(PNG_DIR, { recursive: true, force: true })
mkdirSync(PNG_DIR, { recursive: true })
for (const size of SIZES) execFileSync('rsvg-convert', ['--width', String(size), '--height', String(size), '--keep-aspect-ratio', SVG, '--output', png(size)])

const icns = new Icns()
for (const [type, size] of Object.entries(ICNS_TYPES)) icns.append(IcnsImage.fromPNG(readFileSync(png(size)), type))
writeFileSync('resources/icon.icns', icns.data)

// Windows wants the 256 px image stored as PNG inside the .ico.
execFileSync('icotool', ['--create', '--output', 'resources/icon.ico', ...ICO_SIZES.map(png), `--raw=${png(256)}`])

console.log(`render-icons: ${SIZES.length} PNGs in ${PNG_DIR}, resources/icon.icns, resources/icon.ico`)
