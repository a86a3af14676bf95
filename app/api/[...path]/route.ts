import { NextResponse } from "next/server";

// Any /api path no route answers: the API's JSON error, not the site's HTML 404 page.
const notFound = () =>
  NextResponse.json(
    { error: { code: "NOT_FOUND", message: "No such API endpoint. See /api/v1/openapi.json." } },
    { status: 404 },
  );

export {
  notFound as GET,
  notFound as POST,
  notFound as PUT,
  notFound as PATCH,
  notFound as DELETE,
};
