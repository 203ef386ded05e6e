/**
 * How many turns the event loop takes while `work` is pending: about none when the work holds
 * this thread, many when it runs elsewhere or in steps. A count, not a time: it does not depend on
 * how fast the machine is.
 */
export async function turnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let on = true;
  const spin = () => {
    if (!on) return;
    turns += 1;
    setImmediate(spin);
  };
  setImmediate(spin);
  await work();
  on = false;
  return turns;
}
