export const membersCsvContract = {}
