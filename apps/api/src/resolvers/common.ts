/** Small helpers shared by resolvers. */
export const bigToNumber = (v: bigint | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
