import type { IpcMain, WebFrameMain } from 'electron'
import { IPC_CHANNEL } from './contract/api'
import type { Registry } from './registry'
import { isTrustedPage } from './trusted-urls'

export function registerIpc(ipcMain: IpcMain, registry: () => Promise<Registry>, trustedUrl: string): void {
  ipcMain.handle(IPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
    const frame: WebFrameMain | null = event.senderFrame
    // Only Hearth's own top-level page may call; a frame inside it (a PDF preview) or any other page may not.
    if (!frame || frame.parent !== null || !isTrustedPage(frame.url, trustedUrl)) {
      return { ok: false, error: { code: 'refused', message: 'This page is not allowed to use Hearth.' } }
    }
    if (typeof channel !== 'string') {
      return { ok: false, error: { code: 'unknown_channel', message: 'Hearth received a call without a name.' } }
    }
    // Calls made while the database is still opening wait for it rather than fail.
    return (await registry()).dispatch(channel, input)
  })
}
