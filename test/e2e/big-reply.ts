/**
 * The key of the binding's answer that stands for a big reply: its value is the path the page
 * fetches the reply from (app-server.ts serves it; bridge-entry.ts fetches it).
 */
export const BIG_REPLY_KEY = '$zanBigReply';
