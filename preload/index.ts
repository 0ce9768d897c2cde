import { contextBridge, ipcRenderer } from 'electron'
import { channelNames } from '../main/contract'
import { createApi, IPC_CHANNEL } from '../main/contract/api'

// The page gets Hearth's API and nothing else: no ipcRenderer, no Node.
contextBridge.exposeInMainWorld(
  'hearth',
  createApi(channelNames, (channel, input) => ipcRenderer.invoke(IPC_CHANNEL, channel, input)),
)
