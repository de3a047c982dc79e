-- PrincipleRepository.all (resolve and show read it).
SELECT p.id, p.slug, p.name, p.summary, p.framework, p.position, p.builtin FROM principle p
ORDER BY p.builtin DESC, p.framework, p.position IS NULL, p.position, p.name;
