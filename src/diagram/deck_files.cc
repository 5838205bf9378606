// The deck's two files: the PDF (Graphviz draws each page, qpdf puts them in one file) and
// the PowerPoint file (the same layouts, as native shapes: diagram/pptx.cc).
// qpdf 11 asks its users to say which smart pointers they expect (qpdf/PointerHolder.hh).
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <qpdf/QUtil.hh>

#include <exception>
#include <memory>

#include "base/error.h"
#include "base/say.h"
#include "diagram/deck.h"
#include "diagram/pptx.h"
#include "diagram/render.h"

namespace renkei {

namespace {

/// Pages drawn one per PDF, put in one file in order. The file's ID is worked out from its
/// contents (qpdf's deterministic ID), and it carries no dates: same pages, same bytes.
std::string merged_pdf(const std::vector<std::string>& pdfs, const std::string& title) {
  try {
    QPDF out;
    out.emptyPDF();
    QPDFPageDocumentHelper out_pages(out);
    std::vector<std::unique_ptr<QPDF>> inputs;  // pages copied from them live until written
    for (std::size_t k = 0; k < pdfs.size(); ++k) {
      auto in = std::make_unique<QPDF>();
      in->setSuppressWarnings(true);
      in->processMemoryFile(("page " + std::to_string(k + 1)).c_str(), pdfs[k].data(),
                            pdfs[k].size());
      for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(*in).getAllPages())
        out_pages.addPage(page, false);
      inputs.push_back(std::move(in));
    }
    QPDFObjectHandle info = out.makeIndirectObject(QPDFObjectHandle::newDictionary());
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(title));
    info.replaceKey("/Producer", QPDFObjectHandle::newString("renkei"));
    out.getTrailer().replaceKey("/Info", info);
    QPDFWriter w(out);
    w.setOutputMemory();
    w.setDeterministicID(true);
    w.write();
    std::unique_ptr<Buffer> buf(w.getBuffer());
    return std::string(reinterpret_cast<const char*>(buf->getBuffer()), buf->getSize());
  } catch (const std::exception& e) {
    throw data_error(say("could not put the deck's pages in one PDF: {1}", {e.what()}));
  }
}

}  // namespace

std::string deck_pdf(const Deck& deck) {
  std::vector<std::string> pdfs;
  for (const DeckPage& p : deck.pages)
    pdfs.push_back(render_dot(p.fitted_dot, p.diagram.engine, Format::Pdf, std::nullopt));
  return merged_pdf(pdfs, deck.title);
}

std::string deck_pptx(const Deck& deck) {
  PptxDeck out;
  out.title = deck.title;
  out.author = deck.author;
  out.font = kDiagramFont;
  for (const DeckPage& p : deck.pages)
    out.slides.push_back(
        {render_dot(p.fitted_dot, p.diagram.engine, Format::Json, std::nullopt), p.notes});
  return write_pptx(out);
}

}  // namespace renkei
