export const backup = {} as const
