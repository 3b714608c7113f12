// GraphiQL on /graphql, as the person chosen on the demo page (the signed cookie goes with each request).
(function () {
  var here = window.location;
  var socket = (here.protocol === "https:" ? "wss://" : "ws://") + here.host + "/graphql";
  var fetcher = GraphiQL.createFetcher({
    url: here.origin + "/graphql",
    wsClient: graphqlWs.createClient({ url: socket, lazy: true }),
  });
  ReactDOM.createRoot(document.getElementById("graphiql")).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultEditorToolsVisibility: true })
  );
})();
