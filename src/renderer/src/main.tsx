import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { CHECK_TITLES } from '../../shared/texts'

function App(): React.JSX.Element {
  return (
    <main>
      <h1>NetMend</h1>
      <p>What NetMend checks:</p>
      <ul>
        {Object.values(CHECK_TITLES).map((title) => (
          <li key={title}>{title}</li>
        ))}
      </ul>
    </main>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
