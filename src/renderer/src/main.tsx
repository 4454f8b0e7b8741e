import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { formattingLocale, SOURCE_LANGUAGE, type Language } from '../../shared/language'
import { App } from './components/App'
import { createNetmendStore } from './store'
import { StoreProvider } from './store-context'
import { rendererTexts } from './texts'
import { TextsProvider } from './texts-context'
import './styles.css'

/** The language main chose from the operating system's; the source language if main could not be asked. */
async function windowLanguage(): Promise<Language> {
  try {
    return (await window.netmend.language(null)).language
  } catch {
    return SOURCE_LANGUAGE
  }
}

async function start(): Promise<void> {
  const language = await windowLanguage()
  document.documentElement.lang = language
  const texts = rendererTexts(language, formattingLocale(language, navigator.language))
  const store = createNetmendStore(window.netmend, texts)
  store.getState().start()
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <TextsProvider texts={texts}>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </TextsProvider>
    </StrictMode>,
  )
}

void start()
