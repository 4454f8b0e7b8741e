import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { createNetmendStore } from './store'
import { StoreProvider } from './store-context'
import './styles.css'

const store = createNetmendStore(window.netmend)
store.getState().start()

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreProvider store={store}>
      <App />
    </StoreProvider>
  </StrictMode>,
)
