/**
 * The overlay's box on the page, in CSS pixels. It is the same for every freelancer, tracked or not and
 * whatever was recorded, so the page cannot tell from its own layout whom the user tracks: the card
 * scrolls inside this box rather than the box following the card. Folded, it is the card's header line
 * (components/theme.css gives `.overlay-head` this height); the fold is the user's one choice for
 * every profile.
 */
export const OVERLAY_BOX = { width: 480, floatingWidth: 360, open: 440, folded: 48 } as const;
