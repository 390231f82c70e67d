/** Results of groups smaller than this are never shown (regional summaries, benchmark). */
export const MIN_GROUP_SIZE = 5;
