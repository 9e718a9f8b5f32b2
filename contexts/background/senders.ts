// Who may send what to the background: each kind of sender is told apart by what the browser says of
// it (`runtime.MessageSender`), which a web page cannot forge. Pure, given the extension's id and origin.

export type Sender = { id?: string; tab?: { id?: number }; url?: string; frameId?: number };
export type TabSender = Sender & { tab: { id: number } };

export function senderChecks(extensionId: string, extensionOrigin: string) {
  const ours = (sender: Sender | undefined) => sender?.id === extensionId;
  const onExtensionPage = (sender: Sender) => sender.url?.startsWith(`${extensionOrigin}/`) === true;
  const isOverlayPage = (sender: Sender) => {
    try {
      const url = new URL(sender.url ?? '');
      return url.protocol === new URL(extensionOrigin).protocol && url.pathname === '/overlay.html';
    } catch {
      return false;
    }
  };
  return {
    /** A content script of ours: in a tab, at the web page's address (never an extension page). */
    contentScript: (sender: Sender) =>
      ours(sender) && sender.tab?.id !== undefined && !onExtensionPage(sender),
    /**
     * The overlay frame: our overlay page (an extension address, whatever id it is served under — Chrome
     * serves it at a per-session one) embedded in a tab's page: a frame, not the tab itself.
     */
    overlayFrame: (sender: Sender | undefined): sender is TabSender =>
      ours(sender) && sender?.tab?.id !== undefined && !!sender.frameId && isOverlayPage(sender),
    /** One of our pages opened as its own document (popup, side panel, roster…), not the overlay frame. */
    extensionPage: (sender: Sender) => ours(sender) && onExtensionPage(sender) && !isOverlayPage(sender),
  };
}

/** A content script reports only the page it is on: the profile's address is on the sender's site. */
export function onSendersSite(address: string, sender: Sender): boolean {
  try {
    return sender.url !== undefined && new URL(address).origin === new URL(sender.url).origin;
  } catch {
    return false;
  }
}
