/** The address in `Name <address>` or a bare address; undefined when there is none. */
export function mailAddress(mailbox: string): string | undefined {
  const angled = /<([^<>\s]+@[^<>\s]+)>\s*$/.exec(mailbox);
  if (angled) return angled[1];
  const bare = mailbox.trim();
  return /^[^<>\s@]+@[^<>\s@]+$/.test(bare) ? bare : undefined;
}

/** The domain Message-IDs are minted under: the sender's. */
export function mailDomain(mailbox: string): string {
  const address = mailAddress(mailbox);
  return address ? address.slice(address.lastIndexOf('@') + 1).toLowerCase() : 'localhost';
}
