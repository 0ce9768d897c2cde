import type { HandlersFor } from './context'
import type { backupContract } from './contract/backup'

export const backupHandlers: HandlersFor<typeof backupContract> = {}
