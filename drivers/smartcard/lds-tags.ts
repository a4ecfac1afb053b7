/** Doc 9303 Part 10 §4.6: each elementary file's short file identifier and its data group's outer tag. */
export const EF_COM_SFI = 0x1e;
export const EF_SOD_SFI = 0x1d;
export const EF_COM_TAG = 0x60;
export const EF_SOD_TAG = 0x77;

/** Data group number → its tag (DG1 is '61', DG2 '75', DG13 '6D' …); the SFI is the number itself. */
export const DATA_GROUP_TAGS: Readonly<Record<number, number>> = {
  1: 0x61, 2: 0x75, 3: 0x63, 4: 0x76, 5: 0x65, 6: 0x66, 7: 0x67, 8: 0x68,
  9: 0x69, 10: 0x6a, 11: 0x6b, 12: 0x6c, 13: 0x6d, 14: 0x6e, 15: 0x6f, 16: 0x70,
};
