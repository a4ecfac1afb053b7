/** 2024-05-01 → 01/05/2024, as Vietnamese documents write dates. */
export const formatIsoDate = (iso: string) => iso.split('-').reverse().join('/');
