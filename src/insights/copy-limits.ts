// Every threshold of the copy audit, in one table: the rules' titles and notes read them here.

export const COPY_LIMITS = {
  /** A push title longer than this is cut on an iOS lock screen (guidance: devices and settings vary). */
  pushTitleMaxChars: 50,
  /** A push body longer than this is cut on an iOS lock screen (guidance). */
  pushBodyMaxChars: 178,
  /** A language is expected of every campaign when more than this share of audited campaigns have copy in it... */
  languageShareMin: 0.5,
  /** ...and at least this many campaigns were audited (fewer say nothing about the project). */
  languageMinCampaigns: 3,
  /** Identical title and body in at least this many live campaigns is a duplicate. */
  duplicateMinCampaigns: 2,
  /** Batch strings quoted in notes (titles, tags, URLs, button labels) are cut to this many characters, quotes aside. */
  noteQuoteChars: 60,
} as const;
