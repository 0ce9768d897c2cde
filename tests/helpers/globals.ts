import type { HearthApi } from '../../main/contract'

// What the page sees: the API object the preload (or the test bridge) installs.
declare global {
  interface Window {
    hearth: HearthApi
  }
}
