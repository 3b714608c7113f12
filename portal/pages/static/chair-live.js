// The chair's list of conferences, kept current: one graphql-transport-ws connection to /graphql with
// a readiness subscription per row; a change rewrites that row's status, checks and who must act,
// and is announced politely. When the connection drops it is opened again, waiting longer after each
// failure, and the page says so. Without this script the list is as it was when the page was served.
const PROTOCOL = "graphql-transport-ws";
const UNMET = new Set(["AT_RISK", "NOT_MET"]);

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ENGLAND = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London", year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
});

function moment(iso) {
  // As the server writes it (portal/pages/chairs/display.py): Thu 22 Oct 2026 10:00, in England's time.
  const part = Object.fromEntries(ENGLAND.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  const weekday = new Date(Date.UTC(Number(part.year), Number(part.month) - 1, Number(part.day))).getUTCDay();
  return `${WEEKDAYS[weekday]} ${Number(part.day)} ${MONTHS[Number(part.month) - 1]} ${part.year} ${part.hour}:${part.minute}`;
}

function list(items) {
  if (items.length === 0) return null;
  const ul = document.createElement("ul");
  ul.className = "govuk-list govuk-body-s";
  for (const text of items) {
    const li = document.createElement("li");
    li.textContent = text;
    ul.append(li);
  }
  return ul;
}

function fill(cell, items, none) {
  const ul = list(items);
  cell.replaceChildren(ul || document.createTextNode(none));
}

function whoMustAct(unmet) {
  // As portal/pages/chairs/conferences.py: everyone the checks wait for, once each, by the earliest time.
  const found = new Map();
  for (const check of unmet) {
    for (const actor of check.whoMustAct) {
      const key = `${actor.role} ${actor.organisation ? actor.organisation.id : ""}`;
      const known = found.get(key);
      if (!known || (actor.by || "~") < (known.by || "~")) found.set(key, actor);
    }
  }
  return [...found.values()];
}

function cells(row) {
  return ["[data-readiness]", "[data-unmet]", "[data-who]"].map((cell) => row.querySelector(cell).textContent.replace(/\s+/g, " ").trim()).join("|");
}

function update(row, readiness, words, announce) {
  const unmet = readiness.checks.filter((check) => UNMET.has(check.status));
  const tag = document.createElement("strong");
  tag.className = `govuk-tag ${words.colour[readiness.status]}`;
  tag.dataset.readinessTag = "";
  tag.textContent = words.readiness[readiness.status];
  const before = cells(row);
  row.querySelector("[data-readiness]").replaceChildren(tag);
  fill(row.querySelector("[data-unmet]"), unmet.map((check) => check.title), words.none);
  const who = whoMustAct(unmet).map((actor) =>
    (actor.organisation ? actor.organisation.name : words.role[actor.role]) + (actor.by ? words.by + moment(actor.by) : ""));
  fill(row.querySelector("[data-who]"), who, words.none);
  const after = cells(row);
  if (before !== after) {
    announce(words.changed.replace("{when}", row.dataset.when).replace("{status}", tag.textContent).replace("{count}", unmet.length));
  }
}

const FIRST_RETRY_SECONDS = 1;
const LONGEST_RETRY_SECONDS = 60;
const SESSION_ENDED = 4401; // portal/edge/still_signed_in.py: signing in again needs the page reloaded

function connect(table) {
  const words = JSON.parse(table.dataset.words);
  const announcer = document.querySelector("[data-live-announcer]");
  const status = document.querySelector("[data-live-status]");
  const announce = (text) => { announcer.textContent = text; };
  const say = (text) => {
    // Seen beside the table and heard once through the polite live region.
    status.textContent = text;
    status.hidden = !text;
    if (text) announce(text);
  };
  const rows = new Map([...table.querySelectorAll("tr[data-conference]")].map((row) => [row.dataset.conference, row]));
  if (rows.size === 0) return;
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  let retries = 0;

  function open() {
    const socket = new WebSocket(url, PROTOCOL);
    socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
    socket.addEventListener("message", (event) => {
      const message = JSON.parse(event.data);
      if (message.type === "connection_ack") {
        if (retries > 0) say(words.back);
        retries = 0;
        for (const id of rows.keys()) {
          socket.send(JSON.stringify({ id, type: "subscribe", payload: { query: table.dataset.liveQuery, variables: { conferenceId: id } } }));
        }
      } else if (message.type === "ping") {
        socket.send(JSON.stringify({ type: "pong" }));
      } else if (message.type === "next" && message.payload.data && message.payload.data.readiness) {
        const row = rows.get(message.id);
        update(row, message.payload.data.readiness, words, announce);
        row.dataset.live = "subscribed";
      }
    });
    socket.addEventListener("close", (event) => {
      for (const row of rows.values()) row.dataset.live = "stopped";
      if (event.code === SESSION_ENDED) {
        say(words.ended);
        return;
      }
      // Wait longer after each failure (1, 2, 4 ... 60 seconds), a little at random so that every
      // open page does not come back at the same moment after the portal restarts.
      const seconds = Math.min(LONGEST_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** retries) * (0.8 + Math.random() * 0.4);
      retries += 1;
      const wait = Math.max(1, Math.round(seconds));
      say(words.lost.replace("{wait}", `${wait} ${wait === 1 ? words.second : words.seconds}`));
      window.setTimeout(open, seconds * 1000);
    });
  }

  open();
}

const table = document.querySelector("table[data-live-query]");
if (table) connect(table);
