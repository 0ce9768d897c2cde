export const backupContract = {}
