// Module resolution hook: the bundle's `import … from 'electron'` gets the recording stand-in.
const STAND_IN = new URL('./electron-stand-in.mjs', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: STAND_IN, shortCircuit: true }
  return nextResolve(specifier, context)
}
