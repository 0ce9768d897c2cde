import type { Result } from './define'

export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>

// Builds `window.hearth` ({ members: { search(input) }, … }) from the channel names and one transport.
// The preload passes ipcRenderer.invoke; the browser tests pass a function exposed by Playwright. The body uses
// nothing from outside itself, because the tests inject it into the page as source text.
export function createApi(channels: readonly string[], invoke: Invoke): Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> {
  const api: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of channels) {
    const dot = channel.indexOf('.')
    const area = channel.slice(0, dot)
    const action = channel.slice(dot + 1)
    api[area] ??= {}
    api[area][action] = (input?: unknown) => invoke(channel, input ?? {})
  }
  return api
}

/** The one Electron IPC channel; the Hearth channel name travels as its first argument. */
export const IPC_CHANNEL = 'hearth:invoke'
