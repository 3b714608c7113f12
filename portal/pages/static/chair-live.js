// The chair's list of conferences, kept current: one graphql-transport-ws connection to /graphql with
// a readiness subscription per row; a change rewrites that row's status, checks and who must act,
// and is announced politely. Without this script the list is as it was when the page was served.
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

function connect(table) {
  const words = JSON.parse(table.dataset.words);
  const announcer = document.querySelector("[data-live-announcer]");
  const announce = (text) => { announcer.textContent = text; };
  const rows = new Map([...table.querySelectorAll("tr[data-conference]")].map((row) => [row.dataset.conference, row]));
  if (rows.size === 0) return;
  const url = new URL("/graphql", window.location.href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(url, PROTOCOL);
  socket.addEventListener("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
  socket.addEventListener("message", (event) => {
    const message = JSON.parse(event.data);
    if (message.type === "connection_ack") {
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
}

const table = document.querySelector("table[data-live-query]");
if (table) connect(table);
