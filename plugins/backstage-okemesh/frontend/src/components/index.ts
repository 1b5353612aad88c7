export { FailoverContent, FailoverCard } from './FailoverContent.js';
