export { inngest } from "@/lib/events/client";
export * from "@/lib/events/events";
